export const blacklists = {} as const;
