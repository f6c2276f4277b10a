import { DateInput, type DateInputProps } from '@mantine/dates';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

const FORMAT = 'DD/MM/YYYY';

/** Reads what an official types: 03/12/2026, 3/12/2026 or 3-12-2026; null for anything else. */
function parseDay(text: string): string | null {
  const day = dayjs(text.trim(), ['DD/MM/YYYY', 'D/M/YYYY', 'DD-MM-YYYY', 'D-M-YYYY', 'DD.MM.YYYY'], true);
  return day.isValid() ? day.format('YYYY-MM-DD') : null;
}

interface DayInputProps extends Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> {
  /** YYYY-MM-DD, or '' for none. */
  value: string;
  onChange: (isoDate: string) => void;
}

/**
 * A day, shown and typed dd/mm/yyyy whatever the browser's language (a native date input follows the
 * browser: mm/dd/yyyy on an English Chromium); the value stays YYYY-MM-DD, as the API takes it.
 */
export function DayInput({ value, onChange, ...props }: DayInputProps) {
  return (
    <DateInput
      {...props}
      value={value || null}
      onChange={(v) => onChange(v ? dayjs(v).format('YYYY-MM-DD') : '')}
      valueFormat={FORMAT}
      dateParser={(text) => parseDay(text)}
      placeholder={props.placeholder ?? 'dd/mm/yyyy'}
      clearable={props.clearable ?? !props.required}
    />
  );
}
