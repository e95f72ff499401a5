package vn.tangthu.intake;

/** Which of the two edXML layouts a message uses. */
public enum EdxmlForm {
  /** Root {@code edXML} (namespace {@code http://www.mic.gov.vn/TBT/QCVN_102_2016}). */
  QCVN_102_2016,
  /** Root {@code EdXMLEnvelope} (namespace {@code http://www.go.vn/eDoc}), the older form. */
  EDXML_ENVELOPE
}
