/** Small line icons for toolbar buttons (lucide-like, drawn inline so no icon font is needed). */
const icon = (d: React.ReactNode) => function Icon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      {d}
    </svg>
  );
};

export const NewIcon = icon(<><path d="M6 3h8l4 4v14H6z" /><path d="M12 11v6M9 14h6" /></>);
export const OpenIcon = icon(<path d="M3 7V5a1 1 0 0 1 1-1h5l2 2h8a1 1 0 0 1 1 1v2M3 7h18l-2 12H5z" />);
export const SaveIcon = icon(<><path d="M12 4v11m-4-4 4 4 4-4" /><path d="M5 19h14" /></>);
export const ShareIcon = icon(<><path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" /><path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" /></>);
export const ExamplesIcon = icon(<><rect x="4" y="4" width="7" height="7" rx="1" /><rect x="13" y="4" width="7" height="7" rx="1" /><rect x="4" y="13" width="7" height="7" rx="1" /><rect x="13" y="13" width="7" height="7" rx="1" /></>);
export const SunIcon = icon(<><circle cx="12" cy="12" r="4" /><path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" /></>);
export const MoonIcon = icon(<path d="M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z" />);
export const HelpIcon = icon(<><circle cx="12" cy="12" r="9" /><path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14M12 17.5v.01" /></>);
export const UndoIcon = icon(<path d="M9 14 4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3" />);
export const RedoIcon = icon(<path d="m15 14 5-5-5-5M20 9H10a6 6 0 0 0 0 12h3" />);
export const SearchIcon = icon(<><circle cx="11" cy="11" r="6" /><path d="m20 20-4.5-4.5" /></>);
export const TrashIcon = icon(<path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13" />);
export const LogoIcon = icon(<><rect x="3" y="9" width="5" height="6" rx="1" /><rect x="16" y="4" width="5" height="6" rx="1" /><rect x="16" y="14" width="5" height="6" rx="1" /><path d="M8 12h4m0 0 4-5m-4 5 4 5" /></>);
