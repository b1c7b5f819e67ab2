import "dotenv/config";
import { launch } from "../lib/runtime/launcher";

await launch({ dev: process.argv.includes("--dev") });
