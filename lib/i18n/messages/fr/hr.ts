export const hr = {} as const;
