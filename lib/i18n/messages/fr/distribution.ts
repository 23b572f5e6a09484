export const distribution = {} as const;
