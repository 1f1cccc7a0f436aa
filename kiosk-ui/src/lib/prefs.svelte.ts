// Accessibility modes of the current session, reflected as classes on <html>
// so plain CSS can switch sizes and colours.
export const prefs = $state({ largeText: false, highContrast: false });

function apply(): void {
  const root = document.documentElement.classList;
  root.toggle('large-text', prefs.largeText);
  root.toggle('high-contrast', prefs.highContrast);
}

export function toggleLargeText(): void {
  prefs.largeText = !prefs.largeText;
  apply();
}

export function toggleHighContrast(): void {
  prefs.highContrast = !prefs.highContrast;
  apply();
}

export function resetPrefs(): void {
  prefs.largeText = false;
  prefs.highContrast = false;
  apply();
}
