// A real OpenID Connect provider for the login tests (tests/e2e/test_login_e2e.py), never for production.
//
// npm's oidc-provider (pinned in package-lock.json) with its own login form ("devInteractions": any
// password; the login names one of ACCOUNTS below). Started by a pytest fixture on a free port:
//
//   PORT=43123 REDIRECT_URI=http://127.0.0.1:8501/oauth2callback node tests/oidc/server.js
//
// It prints "ready <issuer>" once it listens. Claims go into the ID token (conformIdTokenClaims: false),
// as Microsoft Entra ID puts email and groups there: Streamlit's st.user reads only the ID token.
import Provider from 'oidc-provider';

const port = Number(process.env.PORT || 0);
const host = process.env.HOST || '127.0.0.1';
const redirectUris = (process.env.REDIRECT_URI || '').split(',').filter(Boolean);
if (!port || redirectUris.length === 0) {
  console.error('PORT and REDIRECT_URI are required');
  process.exit(2);
}

// login name -> ID-token claims
const ACCOUNTS = {
  'leser@asker.kommune.no': { name: 'Ola Leser', email: 'leser@asker.kommune.no', email_verified: true },
  'redaktor@follo.no': { name: 'Kari Redaktør', email: 'redaktor@follo.no', email_verified: true },
  // Matched only by a group claim, as an Entra ID group's object id is.
  'gruppe@example.org': {
    name: 'Gro Gruppe', email: 'gruppe@example.org', email_verified: true,
    groups: ['6f1c2b9e-0000-4000-8000-000000000001'],
  },
  'ingen@example.org': { name: 'Ingen Rolle', email: 'ingen@example.org', email_verified: true },
};

const provider = new Provider(`http://${host}:${port}`, {
  clients: [{
    client_id: 'naeringspuls',
    client_secret: 'naeringspuls-test-secret',
    redirect_uris: redirectUris,
    post_logout_redirect_uris: redirectUris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'groups'],
  },
  conformIdTokenClaims: false,
  // No consent screen for the test client (as with an Entra ID app an admin has consented to):
  // oidc-provider's recipe for first-party clients, a grant of what the dashboard asks for.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    grant.addOIDCClaims(['email', 'email_verified', 'name', 'groups']);
    await grant.save();
    return grant;
  },
  async findAccount(ctx, id) {
    const claims = ACCOUNTS[id];
    if (!claims) return undefined;
    return { accountId: id, async claims() { return { sub: id, ...claims }; } };
  },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  cookies: { keys: ['naeringspuls-test-cookie-key'] },
  ttl: { Session: 600, Interaction: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
});
provider.on('server_error', (ctx, err) => console.error('server_error', err));

const server = provider.listen(port, host, () => {
  console.log(`ready http://${host}:${port}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
