// The route table below /auth/v1, and the small informational endpoints.
import { json, type Handler } from "./context";
import { otp, recover, resend, signup, verify } from "./email-routes";
import { authorizePage, authorizeSubmit } from "./oauth-routes";
import { getUser, logout, token, updateUser } from "./token-routes";

const health: Handler = async () =>
  json({
    version: "local",
    name: "GoTrue",
    description: "Local stand-in for Supabase Auth (development only)",
  });

const settings: Handler = async () =>
  json({
    external: { email: true, phone: false, linkedin_oidc: true, anonymous_users: false },
    disable_signup: false,
    mailer_autoconfirm: false,
    phone_autoconfirm: false,
    sms_provider: "",
    saml_enabled: false,
  });

const jwks: Handler = async (ctx) => json({ keys: [ctx.keys.publicJwk] });

type Route = { handler: Handler; open?: boolean };

/** `open` routes need no API key: browsers reach them directly, as through Supabase's gateway. */
export const ROUTES: Record<string, Route> = {
  "GET /health": { handler: health, open: true },
  "GET /.well-known/jwks.json": { handler: jwks, open: true },
  "GET /authorize": { handler: authorizePage, open: true },
  "POST /authorize": { handler: authorizeSubmit, open: true },
  "GET /settings": { handler: settings },
  "POST /signup": { handler: signup },
  "POST /token": { handler: token },
  "GET /user": { handler: getUser },
  "PUT /user": { handler: updateUser },
  "POST /logout": { handler: logout },
  "POST /verify": { handler: verify },
  "POST /otp": { handler: otp },
  "POST /recover": { handler: recover },
  "POST /resend": { handler: resend },
};
