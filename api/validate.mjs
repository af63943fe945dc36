// Validates the OpenAPI document against the OpenAPI 3 schema and resolves every $ref, with
// a validator the project did not write.
import SwaggerParser from "@apidevtools/swagger-parser";

const path = new URL("./openapi.json", import.meta.url).pathname;
try {
  const api = await SwaggerParser.validate(path);
  const operations = Object.values(api.paths).reduce(
    (count, item) => count + Object.keys(item).filter((key) => key !== "parameters").length, 0);
  console.log(`api/openapi.json is a valid OpenAPI ${api.openapi} document (${operations} operations)`);
} catch (error) {
  console.error(`api/openapi.json is not valid: ${error.message}`);
  process.exit(1);
}
