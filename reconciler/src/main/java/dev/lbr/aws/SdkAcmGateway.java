package dev.lbr.aws;

import software.amazon.awssdk.services.acm.AcmClient;

/** {@link AcmGateway} over the SDK. */
public final class SdkAcmGateway implements AcmGateway {
  private final AcmClient acm;

  public SdkAcmGateway(AcmClient acm) {
    this.acm = acm;
  }

  /** False for an ARN ACM does not know, or cannot parse (it cannot exist either). */
  @Override
  public boolean certificateExists(String arn) {
    try {
      acm.describeCertificate(r -> r.certificateArn(arn));
      return true;
    } catch (RuntimeException e) {
      String code = AwsErrors.errorCode(e);
      if (AwsErrors.isNotFound(e) || "InvalidArnException".equals(code)) {
        return false;
      }
      throw e;
    }
  }
}
