/**
 * England 2021-22 shares of referrals by source group (DfE Children in need statistics), for Appendix B.
 * Only the groups the catalogue publishes (indicators.md §2 referrals-by-source); the rest show
 * "No national figure".
 */
export const ENGLAND_REFERRAL_SOURCES: Readonly<Record<string, number>> = {
  '2A': 19.9,
  '3': 14.8,
  '6': 29.5,
};
