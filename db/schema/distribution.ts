// Tables of this domain are added here (see db/schema/index.ts).
export {};
