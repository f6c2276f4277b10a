import { foldVietnamese } from '@vetplan/domain';
import { useTranslation } from 'react-i18next';

type DocTypeKey = 'directive' | 'plan' | 'officialLetter' | 'resolution' | 'decision' | 'report';

/** Spellings a catalogue may use for a document type: codes, symbols, or the Vietnamese name. */
const ALIASES: Record<string, DocTypeKey> = {
  directive: 'directive',
  ct: 'directive',
  'chi thi': 'directive',
  plan: 'plan',
  kh: 'plan',
  'ke hoach': 'plan',
  'official letter': 'officialLetter',
  letter: 'officialLetter',
  cv: 'officialLetter',
  'cong van': 'officialLetter',
  resolution: 'resolution',
  nq: 'resolution',
  'nghi quyet': 'resolution',
  decision: 'decision',
  qd: 'decision',
  'quyet dinh': 'decision',
  report: 'report',
  bc: 'report',
  'bao cao': 'report',
};

/** "KE_HOACH", "ke-hoach" and "Kế hoạch" all read as "ke hoach". */
function aliasKey(docType: string): string {
  return foldVietnamese(docType).replace(/[_-]+/g, ' ').trim();
}

/** "Chỉ thị" / "Directive" for a document type; unknown types are shown as written. */
export function useDocTypeLabel(): (docType: string) => string {
  const { t } = useTranslation();
  return (docType) => {
    const key = ALIASES[aliasKey(docType)];
    return key ? t(`docTypes.${key}`) : docType;
  };
}
