// Secrets the code under test needs; real deployments get them from the data folder or the env.
process.env.RELAIS_SECRET_KEY ||= "relais-test-secret-key-0123456789";
process.env.NEXTAUTH_SECRET ||= "relais-test-nextauth-secret";
