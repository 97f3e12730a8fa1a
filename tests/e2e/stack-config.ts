// Ports and addresses of the end-to-end stack: apart from `npm run dev`'s, so both can run at once.
export const e2e = {
  appUrl: "http://localhost:3100",
  port: 3100,
  authUrl: "http://127.0.0.1:54331",
  resendUrl: "http://127.0.0.1:54334",
  linkedinUrl: "http://127.0.0.1:54335",
  xUrl: "http://127.0.0.1:54336",
  openaiUrl: "http://127.0.0.1:54337/v1",
  database: "ghostart_e2e",
  queuePrefix: "ghostart-e2e",
  dataDir: ".data/e2e",
  /** The web app's environment, for tests that start another web server (tests/e2e/app-server.ts). */
  webEnvFile: ".data/e2e/web-env.json",
};
