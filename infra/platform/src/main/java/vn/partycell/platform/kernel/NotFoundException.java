package vn.partycell.platform.kernel;

/** A record does not exist, or the caller may not know that it exists (both answer 404). */
public class NotFoundException extends RuntimeException {

    private final String resource;
    private final String id;

    public NotFoundException(String resource, Object id) {
        super("Không tìm thấy " + resource + " " + id);
        this.resource = resource;
        this.id = String.valueOf(id);
    }

    public String resource() {
        return resource;
    }

    public String id() {
        return id;
    }
}
