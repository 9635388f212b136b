import { useForm } from '../form';
import { SelectField } from '../fields/SelectField';

/** The fields only a binding has: dropped when an exchange → exchange edge becomes the alternate exchange. */
const BINDING_FIELDS = ['bindingKey', 'xMatch', 'bindingArgs', 'filterPolicy'] as const;

/**
 * An exchange → exchange edge's config for `role`: a binding (A1.1.6) names its role and has no delay (it is inside
 * one broker); the alternate exchange (A1.1.7) is the default and keeps none of a binding's fields.
 */
export function switchExchangeEdgeRole(current: unknown, role: string): Record<string, unknown> {
  const config = { ...(current ?? {}) as Record<string, unknown> };
  if (role === 'bind') return { ...config, role: 'bind', delayMs: 0 };
  delete config.role;
  for (const field of BINDING_FIELDS) delete config[field];
  return config;
}

/** Binding or alternate exchange, for an edge between two exchanges. */
export function ExchangeEdgeRole() {
  const form = useForm();
  return (
    <SelectField path={['role']} label="Connects as" onChoose={(role) => form.set([], switchExchangeEdgeRole(form.value, role))}
      unset="alternate exchange"
      choices={[{ value: 'bind', label: 'exchange-to-exchange binding' }]}
      broker="RabbitMQ exchange.bind / alternate-exchange"
      hint="An alternate exchange gets what matches no binding. A binding routes matching messages on, in the same routing: each queue gets one copy, however many paths reach it." />
  );
}
