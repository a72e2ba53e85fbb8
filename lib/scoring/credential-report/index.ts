export { parseCredentialReport, CredentialReportParseError, CREDENTIAL_REPORT_COLUMNS, parseReportBool, parseReportDate } from "./parse";
