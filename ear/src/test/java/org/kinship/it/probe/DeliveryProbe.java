package org.kinship.it.probe;

import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code POST ?send=text[&delay=ms]} sends a message inside a JTA transaction through the XA factory, as
 * federation will after a commit, and answers the time of the commit. {@code GET ?arrivals=text} lists when
 * the listener got it; {@code GET ?dead=text} counts the copies in the dead-letter queue.
 */
@WebServlet("/delivery")
public class DeliveryProbe extends HttpServlet {
    @Resource(lookup = "java:/JmsXA")
    private ConnectionFactory xa;
    @Resource(lookup = "java:/ConnectionFactory")
    private ConnectionFactory inVm;
    @Resource(lookup = "java:/jms/queue/KinshipDelivery")
    private Queue deliveries;
    @Resource(lookup = "java:/jms/queue/DLQ")
    private Queue deadLetters;
    @Resource
    private UserTransaction transaction;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String text = request.getParameter("send");
        long delay = Long.parseLong(request.getParameter("delay") == null ? "0" : request.getParameter("delay"));
        try {
            transaction.begin();
            try (JMSContext jms = xa.createContext()) {
                jms.createProducer().setDeliveryDelay(delay).setProperty("probe", text).send(deliveries, text);
            }
            transaction.commit();
        } catch (Exception e) {
            throw new ServletException(e);
        }
        response.getWriter().write(String.valueOf(System.currentTimeMillis()));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getParameter("dead") != null) {
            try (JMSContext jms = inVm.createContext();
                 QueueBrowser browser = jms.createBrowser(deadLetters, "probe = '" + request.getParameter("dead").replace("'", "") + "'")) {
                response.getWriter().write(String.valueOf(Collections.list(browser.getEnumeration()).size()));
            } catch (jakarta.jms.JMSException e) {
                throw new IOException(e);
            }
            return;
        }
        List<Long> times = DeliveryListener.ARRIVALS.getOrDefault(request.getParameter("arrivals"), List.of());
        response.getWriter().write(times.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }
}
