package vn.partycell.operations;

/** A command line the tool cannot act on: printed with the usage, exit code 2. */
class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
