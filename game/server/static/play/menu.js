// A menu button (the WAI-ARIA "menu button" pattern), used by the chat's Safety menu.
// The button has aria-haspopup="menu" and aria-expanded; the menu's items are role="menuitem"
// with tabindex -1 and the focus moves among them (roving): Down / Up (wrapping), Home / End,
// a letter named in an item's aria-keyshortcuts chooses it, Escape closes the menu and puts the
// focus back on the button, Tab closes it and goes on from the button. A click outside closes it.

export class MenuButton {
  // button: the menu button; pop: the element shown and hidden (holds the menu);
  // menu: the role="menu" element; onChoose(item) runs after the menu has closed.
  constructor(button, pop, menu, onChoose) {
    this.button = button;
    this.pop = pop;
    this.menu = menu;
    this.onChoose = onChoose;
    button.addEventListener("click", () => (this.isOpen() ? this.close(true) : this.open(0)));
    button.addEventListener("keydown", (e) => this.buttonKey(e));
    menu.addEventListener("keydown", (e) => this.menuKey(e));
    menu.addEventListener("click", (e) => {
      const item = e.target.closest("[role=menuitem]");
      if (item && !item.disabled) this.choose(item);
    });
    this.outside = (e) => {
      if (!this.pop.contains(e.target) && !this.button.contains(e.target)) this.close(false);
    };
    pop.addEventListener("focusout", (e) => {
      // the focus went somewhere else on the page (not to the button, not into the menu)
      if (e.relatedTarget && !this.pop.contains(e.relatedTarget) && e.relatedTarget !== this.button) this.close(false);
    });
  }

  items() {
    return [...this.menu.querySelectorAll("[role=menuitem]")].filter((item) => !item.disabled);
  }

  isOpen() {
    return !this.pop.hidden;
  }

  // index: the item to focus (-1 = the last one)
  open(index = 0) {
    if (this.button.disabled) return;
    this.pop.hidden = false;
    this.button.setAttribute("aria-expanded", "true");
    document.addEventListener("pointerdown", this.outside, true);
    const items = this.items();
    if (items.length) this.focusItem(items[index < 0 ? items.length - 1 : Math.min(index, items.length - 1)]);
  }

  close(returnFocus) {
    if (!this.isOpen()) return;
    this.pop.hidden = true;
    this.button.setAttribute("aria-expanded", "false");
    document.removeEventListener("pointerdown", this.outside, true);
    if (returnFocus) this.button.focus();
  }

  focusItem(item) {
    for (const other of this.items()) other.tabIndex = other === item ? 0 : -1;
    item.focus();
  }

  choose(item) {
    this.close(true);
    if (this.onChoose) this.onChoose(item);
  }

  buttonKey(e) {
    if (e.key === "ArrowDown") { e.preventDefault(); this.open(0); }
    else if (e.key === "ArrowUp") { e.preventDefault(); this.open(-1); }
  }

  menuKey(e) {
    const items = this.items();
    const at = items.indexOf(document.activeElement);
    let handled = true;
    if (e.key === "ArrowDown") this.focusItem(items[(at + 1) % items.length]);
    else if (e.key === "ArrowUp") this.focusItem(items[(at - 1 + items.length) % items.length]);
    else if (e.key === "Home") this.focusItem(items[0]);
    else if (e.key === "End") this.focusItem(items[items.length - 1]);
    else if (e.key === "Escape") this.close(true);
    else if (e.key === "Tab") { this.close(false); this.button.focus(); handled = false; }   // Tab goes on from the button
    else if (e.key.length === 1 && !e.altKey && !e.ctrlKey && !e.metaKey) {
      const item = items.find((i) => (i.getAttribute("aria-keyshortcuts") || "").toLowerCase() === e.key.toLowerCase());
      if (item) this.choose(item);
    } else handled = false;
    if (handled) { e.preventDefault(); e.stopPropagation(); }
  }
}
