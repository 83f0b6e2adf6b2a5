/** The cspi version stamped on every report and frozen with each edition. */
export const SOFTWARE_VERSION = '0.1.0';
