// Warning severities, most pressing first: the order the public site shows them in.
export const SEVERITIES = ['emergency', 'urgent', 'caution'] as const
export type Severity = (typeof SEVERITIES)[number]

export const SEVERITY_LABEL: Record<Severity, string> = {
  emergency: 'Emergency: seek care now',
  urgent: 'Urgent: contact your doctor soon',
  caution: 'Caution: avoid this',
}

export const bySeverity = (a: { severity: Severity }, b: { severity: Severity }) =>
  SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity)
