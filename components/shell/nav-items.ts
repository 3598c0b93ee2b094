// The console's sections, in navigation order. Pages live at app/(console)/<href>.

export interface NavItem {
  href: string;
  label: string;
}

export const NAV_ITEMS: NavItem[] = [
  { href: '/', label: 'Dashboard' },
  { href: '/users', label: 'Users' },
  { href: '/groups', label: 'Groups' },
  { href: '/roles', label: 'Roles' },
  { href: '/policies', label: 'Policies' },
  { href: '/identity-providers', label: 'Identity providers' },
  { href: '/simulator', label: 'Simulator' },
  { href: '/explorer', label: 'Explorer' },
  { href: '/audit', label: 'Audit' },
  { href: '/account', label: 'Account settings' },
];

/** True when `pathname` is within the section `href`. */
export function isActive(href: string, pathname: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}
