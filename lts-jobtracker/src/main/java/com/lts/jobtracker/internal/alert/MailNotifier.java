package com.lts.jobtracker.internal.alert;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Properties;

/** Mails each alert over SMTP (Jakarta Mail, Angus implementation). */
final class MailNotifier implements Notifier {

  private final Session session;
  private final String from;
  private final String to;
  private final String host;

  MailNotifier(
      String host,
      int port,
      boolean startTls,
      String username,
      String password,
      String from,
      String to) {
    Properties props = new Properties();
    props.put("mail.smtp.host", host);
    props.put("mail.smtp.port", Integer.toString(port));
    props.put("mail.smtp.connectiontimeout", "10000");
    props.put("mail.smtp.timeout", "10000");
    props.put("mail.smtp.writetimeout", "10000");
    if (startTls) {
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
    }
    Authenticator login = null;
    if (username != null) {
      props.put("mail.smtp.auth", "true");
      login =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(username, password == null ? "" : password);
            }
          };
    }
    this.session = Session.getInstance(props, login);
    this.from = from;
    this.to = to;
    this.host = host + ":" + port;
  }

  @Override
  public void send(Alert alert) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(from));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
    message.setSubject(alert.headline(), "UTF-8");
    message.setText(
        alert.headline()
            + "\n\nCluster: "
            + alert.cluster()
            + "\nRule: "
            + alert.rule()
            + "\nSubject: "
            + alert.subject()
            + "\nStatus: "
            + alert.status()
            + "\nSeen at: "
            + Instant.ofEpochMilli(alert.time())
            + "\n",
        "UTF-8");
    Transport.send(message);
  }

  @Override
  public String toString() {
    return "mail via " + host;
  }
}
