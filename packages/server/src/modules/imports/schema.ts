import { Type } from 'typebox';
import { ImportResponse } from '../data-values/schema.ts';

const RowError = Type.Object({
  row: Type.Integer(),
  column: Type.Union([Type.String(), Type.Null()]),
  message: Type.String(),
  messageEn: Type.String(),
});

export const ImportJobSchema = Type.Object({
  id: Type.String(),
  owner: Type.String(),
  status: Type.Enum(['running', 'done', 'failed']),
  progress: Type.Object({ phase: Type.Enum(['checking', 'writing', 'done']), processed: Type.Integer(), total: Type.Integer() }),
  result: Type.Union([ImportResponse, Type.Null()]),
  error: Type.Union([
    Type.Object({
      error: Type.String(),
      message: Type.String(),
      messageEn: Type.String(),
      errors: Type.Array(RowError, { description: 'The first 1,000 errors' }),
      errorCount: Type.Optional(Type.Integer({ description: 'How many errors in all' })),
      undo: Type.Optional(
        Type.Enum(['nothing_written', 'undone', 'pending'], {
          description: 'When the database went away (database_unavailable): whether what the import wrote is undone yet',
        }),
      ),
    }),
    Type.Null(),
  ]),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});

export const JobParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
