// The command's name (package.json's bin): its messages on standard error start with it.
export const COMMAND = 'icloud-mail-reply-codes';
