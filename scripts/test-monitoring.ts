import "dotenv/config";
import { runSmokeSuite, smokeSettings } from "../lib/smoke/run-suite";

// The post-deploy smoke suite. The token comes from ADMIN_TOKEN, never from this file.
process.exitCode = await runSmokeSuite(smokeSettings(process.env), (line) => console.log(line));
