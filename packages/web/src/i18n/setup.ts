import type { Lang } from '@vetplan/domain';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { configureApiClient } from '../api/client.ts';
import en from './en.json';
import vi from './vi.json';

export const LANGS: readonly Lang[] = ['vi', 'en'];
const STORAGE_KEY = 'vetplan.lang';

// en.json must carry every key vi.json has (a missing key fails type-checking here).
const enResources: typeof vi = en;

function storedLang(): Lang {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

function applyLang(lang: Lang): void {
  document.documentElement.lang = lang;
  dayjs.locale(lang);
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode without storage: the choice lasts for this visit only.
  }
}

export function currentLang(): Lang {
  return i18next.resolvedLanguage === 'en' ? 'en' : 'vi';
}

export function setLang(lang: Lang): Promise<unknown> {
  return i18next.changeLanguage(lang);
}

const initial = storedLang();

void i18next.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: enResources } },
  lng: initial,
  fallbackLng: 'vi',
  supportedLngs: LANGS,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyLang(initial);
i18next.on('languageChanged', (lng) => applyLang(lng === 'en' ? 'en' : 'vi'));

configureApiClient({
  lang: currentLang,
  localMessage: (key, lang) => i18next.t(`errors.${key}`, { lng: lang }),
});

export { i18next };
