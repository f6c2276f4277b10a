import { createTheme } from '@mantine/core';

// Plain objects rather than `Select.extend(...)`: importing a component here
// would pull it (and its popover code) into the first page's bundle.
const medium = { defaultProps: { size: 'md' } };

/** Big touch targets: commune officers use phones. */
export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  components: {
    Button: medium,
    TextInput: medium,
    PasswordInput: medium,
    Select: medium,
  },
});
