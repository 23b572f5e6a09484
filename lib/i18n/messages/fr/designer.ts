export const designer = {} as const;
