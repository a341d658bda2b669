package dev.lbr.aws;

/** The ACM reads validation needs. */
public interface AcmGateway {

  /** True if the certificate ARN exists in this account and region. */
  boolean certificateExists(String arn);
}
