export * from "./number";
export * from "./normalize";
export * from "./legacy";
