/** `npm run schema`: writes the JSON Schema of the scenario document to public/scenario.schema.json. */
import { writeFileSync } from 'node:fs';
import { renderScenarioJsonSchema, SCENARIO_SCHEMA_PATH } from './jsonSchema';
import { LESSON_SCHEMA_PATH, renderLessonJsonSchema } from './lessonJsonSchema';

const text = renderScenarioJsonSchema();
writeFileSync(SCENARIO_SCHEMA_PATH, text);
console.log(`wrote ${SCENARIO_SCHEMA_PATH} (${text.length} bytes)`);
writeFileSync(LESSON_SCHEMA_PATH, renderLessonJsonSchema());
console.log(`wrote ${LESSON_SCHEMA_PATH}`);
