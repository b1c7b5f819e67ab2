import "dotenv/config";
import { runSmokeSuite, smokeSettings } from "../lib/smoke/run-suite";

// The checklist's Step 7. The token comes from ADMIN_TOKEN, never from this file.
process.exitCode = await runSmokeSuite(smokeSettings(process.env), (line) => console.log(line));
