// Rendered JSON text of dataset objects, kept per object. The dataset does not change once
// an emulator starts (the model indexes it at construction), so an issue or a change
// history renders to the same text for the same base URL and field selection every time.
// The bulk endpoints send thousands of them per answer: rendering and serialising each once
// keeps the emulator's own work from adding to the latency it is asked to simulate.
const rendered = new WeakMap<object, Map<string, string>>();

/** `render()` serialised, computed once per (object, variant). */
export function renderedJson(object: object, variant: string, render: () => unknown): string {
  let variants = rendered.get(object);
  if (!variants) rendered.set(object, (variants = new Map<string, string>()));
  let text = variants.get(variant);
  if (text === undefined) {
    text = JSON.stringify(render());
    variants.set(variant, text);
  }
  return text;
}
