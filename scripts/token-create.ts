import "dotenv/config";
import { createTokenFromCommandLine } from "../lib/auth/token-cli";

process.exitCode = await createTokenFromCommandLine(process.argv.slice(2));
