package vn.partycell.localstack;

/** Puts a service's database name into a MongoDB connection string. */
public final class MongoUris {

    private MongoUris() {}

    /**
     * {@code mongodb://u:p@host:27017/any?authSource=admin} with database {@code members} gives
     * {@code mongodb://u:p@host:27017/members?authSource=admin}: the path's database is replaced,
     * hosts, credentials and options are kept.
     */
    public static String withDatabase(String uri, String database) {
        String trimmed = uri.trim();
        int schemeEnd = trimmed.indexOf("://");
        if (schemeEnd < 0 || !(trimmed.startsWith("mongodb://") || trimmed.startsWith("mongodb+srv://"))) {
            throw new LaunchException("MONGODB_URI must start with mongodb:// or mongodb+srv:// (it is: " + uri + ")");
        }
        String prefix = trimmed.substring(0, schemeEnd + 3);
        String rest = trimmed.substring(schemeEnd + 3);
        int slash = rest.indexOf('/');
        int question = rest.indexOf('?');
        String hosts;
        String options;
        if (slash >= 0 && (question < 0 || slash < question)) {
            hosts = rest.substring(0, slash);
            String path = rest.substring(slash + 1);
            int pathQuestion = path.indexOf('?');
            options = pathQuestion >= 0 ? path.substring(pathQuestion) : "";
        } else if (question >= 0) {
            hosts = rest.substring(0, question);
            options = rest.substring(question);
        } else {
            hosts = rest;
            options = "";
        }
        if (hosts.isEmpty()) {
            throw new LaunchException("MONGODB_URI names no host: " + uri);
        }
        return prefix + hosts + "/" + database + options;
    }
}
