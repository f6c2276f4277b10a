import type { Lang } from '@vetplan/domain';
import { useTranslation } from 'react-i18next';
import { setLang } from './setup.ts';

/** The UI language and a setter; components re-render when it changes. */
export function useLang(): { lang: Lang; setLang: (lang: Lang) => void } {
  const { i18n } = useTranslation();
  const lang: Lang = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  return { lang, setLang: (next) => void setLang(next) };
}

/** The English text when the UI is in English and one exists, else the Vietnamese. */
export function pick(lang: Lang, vi: string, en: string | null | undefined): string {
  return lang === 'en' && en ? en : vi;
}
