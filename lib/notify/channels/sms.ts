import { smsText } from "../sms-text";
import type { SendChannel } from "./channel";
import { postOrThrow } from "./http";

/** Sends through an HTTP gateway speaking Twilio's Messages API (SMS_GATEWAY_URL points elsewhere for a compatible one). */
export const sendSms: SendChannel = async ({ notice, recipient, acknowledgeUrl }, { notify }, timeoutMs) => {
  const { gatewayUrl, accountSid, authToken, from } = notify.sms;
  if (!accountSid || !authToken || !from) throw new Error("SMS gateway not configured: set SMS_ACCOUNT_SID, SMS_AUTH_TOKEN and SMS_FROM");
  const body = smsText(notice, acknowledgeUrl);
  await postOrThrow(
    `${gatewayUrl}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`,
    {
      headers: {
        authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ To: recipient, From: from, Body: body }).toString(),
    },
    timeoutMs,
    "SMS gateway",
  );
};
