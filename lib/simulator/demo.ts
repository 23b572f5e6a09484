import type { FacebookCredentials } from "../networks/facebook/client";
import type { TwitterCredentials } from "../networks/twitter/client";

// The demo app and account every simulator instance knows, so that a fresh install can run a
// campaign against the simulator without anyone creating credentials first.

export const DEMO_ACCOUNT = {
  id: "1000000000000000001",
  handle: "relais_demo",
  name: "Relais Demo",
} as const;

export const DEMO_TWITTER_CREDENTIALS: Readonly<Omit<TwitterCredentials, "baseUrl">> = {
  apiKey: "sim-demo-api-key",
  apiSecret: "sim-demo-api-secret",
  accessToken: "sim-demo-access-token",
  accessSecret: "sim-demo-access-secret",
  bearerToken: "sim-demo-bearer",
};

export interface SimApp {
  id: string;
  name: string;
  accountId: string;
  bearerToken: string;
  apiKey: string;
  apiSecret: string;
  accessToken: string;
  accessSecret: string;
}

export const DEMO_APP: SimApp = {
  id: "sim-demo-app",
  name: "Relais Demo App",
  accountId: DEMO_ACCOUNT.id,
  ...DEMO_TWITTER_CREDENTIALS,
};

// The demo Facebook page and the app that manages it. The page access token is tied to both,
// as a real one is (issued by the app for the page).

export const DEMO_FACEBOOK_PAGE = {
  id: "104000000000001",
  name: "Relais Demo",
} as const;

export const DEMO_FACEBOOK_CREDENTIALS: Readonly<Omit<FacebookCredentials, "baseUrl">> = {
  appId: "900000000000001",
  appSecret: "sim-demo-facebook-app-secret",
  pageAccessToken: "EAASimDemoRelaisPageAccessToken",
  pageId: DEMO_FACEBOOK_PAGE.id,
};
