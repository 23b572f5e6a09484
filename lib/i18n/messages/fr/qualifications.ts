export const qualifications = {} as const;
