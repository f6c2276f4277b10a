import type { ErrorDetail } from './errors.ts';

/** The shape of an Ajv error, as Fastify passes it on. */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  /** The failing schema (Ajv's verbose mode); may carry `hintVi`/`hintEn` for a format's explanation. */
  parentSchema?: { hintVi?: string; hintEn?: string };
}

const TYPE_VI: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  integer: 'số nguyên',
  boolean: 'true hoặc false',
  object: 'đối tượng JSON',
  array: 'danh sách',
  null: 'null',
};

function fieldPath(error: SchemaError, context: string | undefined): string {
  const base = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const missing = typeof error.params.missingProperty === 'string' ? error.params.missingProperty : '';
  const extra = typeof error.params.additionalProperty === 'string' ? error.params.additionalProperty : '';
  const leaf = missing || extra;
  const path = [base, leaf].filter(Boolean).join('.');
  if (path) return path;
  return context === 'body' ? 'body' : (context ?? '');
}

function describe(error: SchemaError): { vi: string; en: string } {
  const p = error.params;
  switch (error.keyword) {
    case 'required':
      return { vi: 'là trường bắt buộc', en: 'is required' };
    case 'type': {
      const type = String(p.type);
      return { vi: `phải là ${TYPE_VI[type] ?? type}`, en: `must be ${type === 'integer' ? 'an integer' : `a ${type}`}` };
    }
    case 'minLength':
      return Number(p.limit) === 1
        ? { vi: 'không được để trống', en: 'must not be empty' }
        : { vi: `phải có ít nhất ${String(p.limit)} ký tự`, en: `must be at least ${String(p.limit)} characters long` };
    case 'maxLength':
      return { vi: `không được dài quá ${String(p.limit)} ký tự`, en: `must be at most ${String(p.limit)} characters long` };
    case 'pattern':
      return {
        vi: error.parentSchema?.hintVi ?? 'không đúng định dạng',
        en: error.parentSchema?.hintEn ?? 'is not in the expected format',
      };
    case 'enum': {
      const allowed = Array.isArray(p.allowedValues) ? p.allowedValues.join(', ') : '';
      return { vi: `phải là một trong các giá trị: ${allowed}`, en: `must be one of: ${allowed}` };
    }
    case 'additionalProperties':
      return { vi: 'là trường không được phép', en: 'is not an allowed field' };
    case 'minimum':
      return { vi: `phải lớn hơn hoặc bằng ${String(p.limit)}`, en: `must be ${String(p.limit)} or more` };
    case 'maximum':
      return { vi: `phải nhỏ hơn hoặc bằng ${String(p.limit)}`, en: `must be ${String(p.limit)} or less` };
    case 'format':
      return { vi: `không đúng định dạng ${String(p.format)}`, en: `must be a valid ${String(p.format)}` };
    case 'minItems':
      return { vi: `phải có ít nhất ${String(p.limit)} phần tử`, en: `must have at least ${String(p.limit)} items` };
    case 'maxItems':
      return { vi: `không được quá ${String(p.limit)} phần tử`, en: `must have at most ${String(p.limit)} items` };
    default:
      return { vi: 'không hợp lệ', en: error.message ?? 'is not valid' };
  }
}

/** Turns schema errors into field-by-field messages in Vietnamese and English. */
export function schemaErrorDetails(schemaErrors: SchemaError[], context: string | undefined): ErrorDetail[] {
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  for (const error of schemaErrors) {
    const path = fieldPath(error, context);
    const { vi, en } = describe(error);
    const key = `${path}|${en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    details.push({ path, message: vi, messageEn: en });
  }
  return details.slice(0, 50);
}
