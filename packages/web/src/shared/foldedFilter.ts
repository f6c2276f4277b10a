import type { ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { foldVietnamese } from '@vetplan/domain';

/** Search that ignores diacritics: "tu mai" finds "Xã Tư Mại (07741)". */
export const foldedFilter: OptionsFilter = ({ options, search }) => {
  const query = foldVietnamese(search.trim());
  if (query === '') return options;
  return options.flatMap((option): ComboboxParsedItem[] => {
    if ('group' in option) {
      const items = option.items.filter((item) => foldVietnamese(item.label).includes(query));
      return items.length > 0 ? [{ ...option, items }] : [];
    }
    return foldVietnamese(option.label).includes(query) ? [option] : [];
  });
};
