// The local stand-in for LinkedIn's sign-in screen: a form that says who you want to be.

export type ConsentPageInput = {
  action: string;
  redirectTo: string;
  codeChallenge: string;
  codeChallengeMethod: string;
  name: string;
  email: string;
  picture: string;
  error?: string;
};

export const DEMO_IDENTITY = { name: "Dana Demo", email: "dana.demo@example.com", picture: "" };

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

export function renderConsentPage(input: ConsentPageInput): string {
  const v = (s: string) => escapeHtml(s);
  const hidden = (name: string, value: string) =>
    `<input type="hidden" name="${name}" value="${v(value)}">`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Local LinkedIn sign-in</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; background: #f3f2ef; margin: 0; display: grid; place-items: center; min-height: 100vh; }
  main { background: #fff; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.15); padding: 2rem; width: min(26rem, 90vw); }
  h1 { font-size: 1.25rem; margin: 0 0 .25rem; color: #0a66c2; }
  p.note { color: #555; font-size: .875rem; margin: 0 0 1.5rem; }
  label { display: block; font-weight: 600; margin-top: 1rem; }
  input[type=text], input[type=email], input[type=url] { width: 100%; box-sizing: border-box; padding: .5rem; border: 1px solid #888; border-radius: 4px; font: inherit; }
  .error { color: #b00020; }
  .actions { display: flex; gap: .75rem; margin-top: 1.5rem; }
  button { font: inherit; padding: .5rem 1.25rem; border-radius: 999px; border: 1px solid #0a66c2; cursor: pointer; }
  button[value=continue] { background: #0a66c2; color: #fff; }
  button[value=cancel] { background: #fff; color: #0a66c2; }
</style>
</head>
<body>
<main>
  <h1>Local LinkedIn sign-in — development stand-in</h1>
  <p class="note">No request leaves this machine. Choose the LinkedIn member to sign in as.</p>
  ${input.error ? `<p class="error" role="alert">${v(input.error)}</p>` : ""}
  <form method="post" action="${v(input.action)}">
    ${hidden("redirect_to", input.redirectTo)}
    ${hidden("code_challenge", input.codeChallenge)}
    ${hidden("code_challenge_method", input.codeChallengeMethod)}
    <label for="name">Name</label>
    <input type="text" id="name" name="name" value="${v(input.name)}" required maxlength="120">
    <label for="email">Email</label>
    <input type="email" id="email" name="email" value="${v(input.email)}" required>
    <label for="picture">Picture URL (optional)</label>
    <input type="url" id="picture" name="picture" value="${v(input.picture)}">
    <div class="actions">
      <button type="submit" name="action" value="continue">Continue</button>
      <button type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
    </div>
  </form>
</main>
</body>
</html>`;
}
