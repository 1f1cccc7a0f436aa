// What every list page of the admin console does the same way: one form that adds an
// item or edits the one picked (its key then fixed), and a removal that asks first —
// the first tap on "Xoá" names what would go, the second removes it.

export class ListEditor<F> {
  form: F = $state(null as unknown as F);
  /** The key of the item the form edits; null: the form adds one. */
  editing = $state<string | null>(null);
  /** The key of the item whose removal waits for a second tap. */
  removing = $state<string | null>(null);

  constructor(private readonly blank: () => F) {
    this.form = blank();
  }

  edit(key: string, form: F): void {
    this.editing = key;
    this.removing = null;
    this.form = form;
  }

  reset(): void {
    this.editing = null;
    this.form = this.blank();
  }

  /** The form as plain data, and the key it saves under: the edited item's, else the one typed. */
  submitted(typedKey: (f: F) => string): { form: F; key: string } {
    const form = $state.snapshot(this.form) as F;
    return { form, key: this.editing ?? typedKey(form).trim() };
  }

  /** True on the confirming second tap; the first only asks. */
  confirmRemove(key: string): boolean {
    if (this.removing !== key) {
      this.removing = key;
      return false;
    }
    this.removing = null;
    return true;
  }
}

/** Puts `next` where the item with its key is, or at the end. */
export function upsert<T>(list: T[], keyOf: (t: T) => string, next: T): void {
  const i = list.findIndex((x) => keyOf(x) === keyOf(next));
  if (i >= 0) list[i] = next;
  else list.push(next);
}
