package dev.steward.notify.email;

/** {@code <key@steward>}: a key made into a valid RFC 5322 message id (characters outside an atom become '-'). */
final class MessageIds {
    private MessageIds() {}

    static String of(String key) {
        StringBuilder b = new StringBuilder("<");
        for (char c : key.toCharArray()) {
            boolean atom = c < 128 && (Character.isLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.".indexOf(c) >= 0);
            b.append(atom ? c : '-');
        }
        return b.append("@steward>").toString();
    }
}
