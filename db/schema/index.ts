export * from "./auth";
export * from "./organisation";
export * from "./campaigns";
export * from "./conversations";
export * from "./admin";
