import { Type } from 'typebox';

export const DemoRemovalResponse = Type.Object({
  values: Type.Integer({ description: 'Stored values only the demo had written, removed' }),
  history: Type.Integer({ description: 'Their history entries, removed' }),
  submissions: Type.Integer(),
  taskReports: Type.Integer(),
  kept: Type.Integer({ description: 'Demo cells people changed since, kept as theirs' }),
  message: Type.String(),
  messageEn: Type.String(),
});
