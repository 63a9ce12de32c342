/** The seven steps of handling an unhappy customer (coaching principles, source 000): the scorecard's sections. */
export const STEPS = [
  { step: 1, title: 'Let the customer talk' },
  { step: 2, title: 'Restate the complaint' },
  { step: 3, title: 'Speak calmly and clearly' },
  { step: 4, title: "See it from the customer's side" },
  { step: 5, title: 'Take responsibility' },
  { step: 6, title: 'Act' },
  { step: 7, title: 'Follow up' },
] as const;
