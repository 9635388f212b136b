import type { z } from 'zod';
import type { KindPorts } from '../ports';

/** Everything the schema knows about one node kind. One module per kind implements this. */
export interface NodeKindSpec {
  kind: string;
  /** Name shown in the palette. */
  label: string;
  /** One line shown in the palette and the inspector. */
  description: string;
  /** Palette group. */
  group: string;
  ports: KindPorts;
  config: z.ZodType;
}
