// oidc-provider ships no type declarations; the test IdP uses it untyped.
declare module "oidc-provider";
